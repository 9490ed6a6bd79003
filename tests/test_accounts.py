"""Local accounts as an operator manages them from the command line, and sign-in with its lock-out."""

import datetime as dt
import io
import json

import pytest

from analytics import cli
from analytics.store import accounts, audit
from analytics.store.connection import connect
from tests.factories import GROUP_TREE, load_records, new_store


def run(capsys, monkeypatch, *args, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def store(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE)
    con.close()
    return tmp_path / "store.duckdb"


def test_user_add_reads_the_password_from_stdin_and_lists_without_the_hash(store, capsys, monkeypatch):
    code, out, _ = run(
        capsys, monkeypatch, "user", "add", "张三", "--role", "analyst", "--unit", "公司A", "--db", store,
        stdin="correct horse\n",
    )  # fmt: skip
    assert (code, out.strip()) == (0, "已建立账号 张三（analyst）。")
    code, out, _ = run(capsys, monkeypatch, "user", "list", "--json", "--db", store)
    [row] = json.loads(out)
    assert (row["name"], row["role"], row["units"], row["disabled"]) == ("张三", "analyst", "公司A", False)
    assert "hash" not in out and "argon2" not in out
    con = connect(store)
    stored = con.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert accounts.sign_in(con, "张三", "correct horse", source="test") == accounts.Principal(
        "张三", "analyst", ("公司A",), "test", "local"
    )
    con.close()


def test_a_password_is_never_an_argument(store, capsys, monkeypatch):
    with pytest.raises(SystemExit):
        cli.main(["user", "add", "张三", "--role", "admin", "--password", "secret123", "--db", str(store)])
    assert "unrecognized arguments: --password" in capsys.readouterr().err


def test_refusals_change_nothing(store, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "user", "add", "a", "--role", "admin", "--db", store, stdin="short\n")
    assert (code, err.strip()) == (1, "密码至少需要 8 个字符。")
    code, _, err = run(
        capsys, monkeypatch, "user", "add", "a", "--role", "viewer", "--unit", "公司Z", "--db", store,
        stdin="long enough\n",
    )  # fmt: skip
    assert code == 1 and "公司Z" in err
    code, _, err = run(capsys, monkeypatch, "user", "disable", "nobody", "--db", store)
    assert (code, err.strip()) == (1, "没有这个账号：nobody")
    code, out, _ = run(capsys, monkeypatch, "user", "list", "--db", store)
    assert out.strip() == "尚无账号。"


def test_disable_passwd_role_scope(store, capsys, monkeypatch):
    run(capsys, monkeypatch, "user", "add", "李四", "--role", "viewer", "--db", store, stdin="first pass\n")
    assert run(capsys, monkeypatch, "user", "passwd", "李四", "--db", store, stdin="second pass\n")[0] == 0
    assert run(capsys, monkeypatch, "user", "role", "李四", "analyst", "--db", store)[0] == 0
    _, out, _ = run(capsys, monkeypatch, "user", "scope", "李四", "--unit", "B1支部", "--unit", "A党委", "--db", store)
    assert out.strip() == "李四 的可见范围已改为：A党委、B1支部"
    con = connect(store)
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(con, "李四", "first pass", source="test")
    assert accounts.sign_in(con, "李四", "second pass", source="test").units == ("A党委", "B1支部")
    con.close()
    run(capsys, monkeypatch, "user", "disable", "李四", "--db", store)
    con = connect(store)
    with pytest.raises(accounts.SignInRefused) as refused:
        accounts.sign_in(con, "李四", "second pass", source="test")
    assert refused.value.key == "auth.bad_credentials"
    assert accounts.principal_for(con, "李四") is None
    log = audit.read(con)
    assert list(log["action"])[::-1] == [
        "user_add", "user_passwd", "user_role", "user_scope", "sign_in", "sign_in", "user_disable", "sign_in",
    ]  # fmt: skip
    assert list(log["outcome"])[::-1][-4:] == ["failed", "ok", "ok", "failed"]
    con.close()


def test_five_failures_in_a_row_lock_the_account_for_a_while(store):
    con = connect(store)
    admin = accounts.operator()
    accounts.add_user(con, admin, "王五", role="analyst", password="right password")
    start = dt.datetime(2026, 5, 1, 9, 0)
    for attempt in range(1, 5):
        with pytest.raises(accounts.SignInRefused) as refused:
            accounts.sign_in(con, "王五", "wrong", source="10.0.0.9", now=start)
        assert refused.value.key == "auth.bad_credentials", attempt
    with pytest.raises(accounts.SignInRefused) as refused:
        accounts.sign_in(con, "王五", "wrong", source="10.0.0.9", now=start)
    assert (refused.value.key, refused.value.params) == ("auth.locked", {"minutes": accounts.LOCK_MINUTES})
    # Locked: even the right password is refused until the lock runs out.
    with pytest.raises(accounts.SignInRefused) as refused:
        accounts.sign_in(con, "王五", "right password", source="10.0.0.9", now=start + dt.timedelta(minutes=14))
    assert refused.value.key == "auth.locked"
    later = start + dt.timedelta(minutes=accounts.LOCK_MINUTES, seconds=1)
    assert accounts.sign_in(con, "王五", "right password", source="10.0.0.9", now=later).role == "analyst"
    failures = audit.read(con, actor="王五", outcome="failed")
    assert len(failures) == 6 and set(failures["source"]) == {"10.0.0.9"}
    con.close()


def test_a_success_resets_the_count(store):
    con = connect(store)
    accounts.add_user(con, accounts.operator(), "赵六", role="viewer", password="right password")
    for _ in range(4):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in(con, "赵六", "wrong", source="x")
    accounts.sign_in(con, "赵六", "right password", source="x")
    for _ in range(4):
        with pytest.raises(accounts.SignInRefused) as refused:
            accounts.sign_in(con, "赵六", "wrong", source="x")
        assert refused.value.key == "auth.bad_credentials"
    con.close()


def test_unknown_names_get_the_same_message(store):
    con = connect(store)
    with pytest.raises(accounts.SignInRefused) as refused:
        accounts.sign_in(con, "nobody", "whatever", source="x")
    assert refused.value.key == "auth.bad_credentials"
    con.close()


def test_a_store_made_before_accounts_gains_the_tables_and_keeps_its_data(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=GROUP_TREE)
    for table in ("users", "user_units", "audit_log", "settings"):
        con.execute(f"DROP TABLE {table}")
    con.close()
    con = connect(tmp_path / "store.duckdb")
    assert con.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM units").fetchone() == (7,)
    con.close()


def test_only_an_admin_manages_accounts(store):
    con = connect(store)
    analyst = accounts.Principal("小王", "analyst", source="10.1.1.1")
    with pytest.raises(accounts.Forbidden):
        accounts.add_user(con, analyst, "evil", role="admin", password="12345678")
    assert not accounts.has_accounts(con)
    [row] = audit.read(con).itertuples()
    assert (row.actor, row.action, row.outcome, row.source) == ("小王", "user_add", "refused", "10.1.1.1")
    con.close()
