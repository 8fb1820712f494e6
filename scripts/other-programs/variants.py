"""Workbooks saved by openpyxl (Debian's python3-openpyxl, run with /usr/bin/python3), for the corpus of
files from other programs (scripts/other-programs/make-corpus.ts). Usage: variants.py SRC_DIR OUT_DIR.

Unchanged saves: openpyxl keeps formulas but drops their cached values, writes absolute relationship
targets and its own part names. Variants: a renamed sheet tab, hidden rows, merged title cells, dates typed
as serial numbers, and (in a file of its own) formulas typed into input cells and text typed over a
formula cell.
"""
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
src, out = sys.argv[1], sys.argv[2]

for name in ("cluster", "member", "campaign"):
    openpyxl.load_workbook(f"{src}/{name}.xlsx").save(f"{out}/py-{name}.xlsx")

# Layout variants: nothing a reader should take differently.
wb = openpyxl.load_workbook(f"{src}/cluster.xlsx")
wb["tỉnh Gia Lai"].title = "Gia Lai (đổi tên)"
people = wb["Cá nhân"]
people.row_dimensions[6].hidden = True
people.merge_cells("A1:F1")
for row in range(5, people.max_row + 1):
    for col in ("D", "E"):
        cell = people[f"{col}{row}"]
        if cell.value is not None and hasattr(cell.value, "toordinal"):
            # A date typed as its serial number (what every writer stores), shown as a date.
            cell.value = (cell.value - openpyxl.utils.datetime.CALENDAR_WINDOWS_1900).days
            cell.number_format = "dd/mm/yyyy"
wb["Tiêu chí"].row_dimensions[7].hidden = True
wb.save(f"{out}/py-variants-cluster.xlsx")

# What a person typed: formulas in input cells (same values as the sample) and text over a formula cell.
wb = openpyxl.load_workbook(f"{src}/cluster.xlsx")
ws = wb["tỉnh Gia Lai"]
ws["G7"] = "=2+3"
ws["G8"] = "=4+1"
ws["K6"] = "sửa tay"
wb.save(f"{out}/py-typed-cluster.xlsx")

wb = openpyxl.load_workbook(f"{src}/member.xlsx")
ws = wb.worksheets[0]
ws["G7"] = "=2+3"
wb.save(f"{out}/py-typed-member.xlsx")
