"""Translation table section: sign-in, roles, accounts, audit and backups."""

TEXT: dict[str, dict[str, str]] = {
    "auth.forbidden": {
        "zh": "无权执行此操作（{action}）：需要“{role}”及以上角色。",
        "en": "Not allowed ({action}): this needs the {role} role or higher.",
    },
    "auth.bad_credentials": {"zh": "用户名或密码不正确。", "en": "Wrong name or password."},
    "auth.locked": {
        "zh": "连续失败次数过多，账号已锁定，请 {minutes} 分钟后再试。",
        "en": "Too many failed attempts: the account is locked; try again in {minutes} minutes.",
    },
    "auth.csrf": {"zh": "登录表单已过期，请重新打开登录页。", "en": "The sign-in form expired; open it again."},
    "auth.signin_title": {"zh": "登录创新成效看板", "en": "Sign in to the innovation dashboard"},
    "auth.name": {"zh": "用户名", "en": "Name"},
    "auth.password": {"zh": "密码", "en": "Password"},
    "auth.submit": {"zh": "登录", "en": "Sign in"},
    "auth.sign_in": {"zh": "登录", "en": "Sign in"},
    "auth.sign_in_sso": {"zh": "统一身份认证登录", "en": "Sign in with single sign-on"},
    "auth.sign_out": {"zh": "退出登录", "en": "Sign out"},
    "auth.signed_in_as": {"zh": "已登录：{name}（{role}）", "en": "Signed in: {name} ({role})"},
    "auth.scope": {"zh": "可见范围：{units}", "en": "Scope: {units}"},
    "auth.anonymous": {"zh": "未登录：只读浏览", "en": "Not signed in: read only"},
    "auth.machine_admin": {
        "zh": "本机模式：尚未建立任何账号，服务只在本机（localhost）监听，因此坐在这台电脑前的人拥有管理员权限。"
        "对外提供服务前，请先建立管理员账号：python -m analytics user add 名字 --role admin",
        "en": "Local mode: no account exists and the server listens on this machine only, so the person at it is"
        " admin. Before serving others, add an admin: python -m analytics user add NAME --role admin",
    },
    "auth.read_only_no_admin": {
        "zh": "只读模式：服务对外监听，但尚未建立任何账号，因此所有人只能浏览。请在服务器上建立管理员："
        "python -m analytics user add 名字 --role admin",
        "en": "Read-only: the server is reachable from other machines but no account exists, so everyone can only"
        " read. On the server, add an admin: python -m analytics user add NAME --role admin",
    },
    "auth.no_routes": {
        "zh": "登录需要以 make run（streamlit run serve.py）启动；当前启动方式下只能只读浏览。",
        "en": "Signing in needs the server started with make run (streamlit run serve.py); this start is read-only.",
    },
    "auth.page_refused": {
        "zh": "此页面需要“{role}”及以上角色，请登录有权限的账号。",
        "en": "This page needs the {role} role or higher: sign in with an account that has it.",
    },
    "auth.no_role_for_sso": {
        "zh": "统一身份认证已登录（{email}），但管理员尚未为该账号分配角色，只能只读浏览。",
        "en": "Signed in through single sign-on ({email}), but no role was assigned to it yet: read only.",
    },
    "role.viewer": {"zh": "浏览者", "en": "viewer"},
    "role.analyst": {"zh": "分析员", "en": "analyst"},
    "role.admin": {"zh": "管理员", "en": "admin"},
    "account.bad_role": {"zh": "未知角色：{role}（可选 {roles}）", "en": "Unknown role: {role} (one of {roles})"},
    "account.short_password": {
        "zh": "密码至少需要 {length} 个字符。",
        "en": "The password needs at least {length} characters.",
    },
    "account.empty_name": {"zh": "用户名不能为空。", "en": "The name cannot be empty."},
    "account.needs_password_or_email": {
        "zh": "本地账号需要密码；统一身份认证账号需要 --email。",
        "en": "A local account needs a password; a single-sign-on account needs --email.",
    },
    "account.exists": {"zh": "账号已存在：{name}", "en": "The account exists already: {name}"},
    "account.unknown": {"zh": "没有这个账号：{name}", "en": "No such account: {name}"},
    "account.added": {"zh": "已建立账号 {name}（{role}）。", "en": "Added {name} ({role})."},
    "account.disabled": {"zh": "已停用账号 {name}。", "en": "Disabled {name}."},
    "account.enabled": {"zh": "已启用账号 {name}。", "en": "Enabled {name}."},
    "account.password_set": {"zh": "已为 {name} 设置新密码。", "en": "Set a new password for {name}."},
    "account.role_set": {"zh": "{name} 的角色已改为 {role}。", "en": "{name} is now {role}."},
    "account.scope_set": {"zh": "{name} 的可见范围已改为：{units}", "en": "{name}'s scope is now: {units}"},
    "account.none": {"zh": "尚无账号。", "en": "No accounts yet."},
    "account.password_prompt": {"zh": "{name} 的密码：", "en": "Password for {name}: "},
    "account.password_again": {"zh": "再输入一次：", "en": "Again: "},
    "account.password_mismatch": {"zh": "两次输入的密码不一致。", "en": "The passwords differ."},
    "account.whole_group": {"zh": "全集团", "en": "whole group"},
    "scope.outside": {
        "zh": "单位“{unit}”不在您的可见范围内（{scope}），不能载入。",
        "en": "Unit {unit} is outside your scope ({scope}); it cannot be loaded.",
    },
    "scope.unit_hidden": {
        "zh": "单位“{unit}”不在您的可见范围内，已忽略。",
        "en": "Unit {unit} is outside your scope and was ignored.",
    },
}
