"""`python -m analytics.demo --out data/demo.xlsx`: write the demo workbook."""

from analytics.demo.generator import main

main()
