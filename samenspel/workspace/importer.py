"""Check every row of a support point's spreadsheet of groups before anything is written.

The file is read by spreadsheet.py (CSV in any of the encodings and separators spreadsheet programs write, .xlsx,
.ods); the rows are planned by importing/ (the words of a list, matching existing groups, the plan per row). A
cell that holds a formula (=HYPERLINK(...)) is an error in its row: stored, it would run in the next person's
spreadsheet program. These names stay importable from here.
"""

from __future__ import annotations

from samenspel.workspace.importing.plan import FIELDS as FIELDS
from samenspel.workspace.importing.plan import FORMULA as FORMULA
from samenspel.workspace.importing.plan import REQUIRED as REQUIRED
from samenspel.workspace.importing.plan import SYNONYMS as SYNONYMS
from samenspel.workspace.importing.plan import check_rows as check_rows
from samenspel.workspace.importing.plan import guess_mapping as guess_mapping
from samenspel.workspace.spreadsheet import MAX_ROWS as MAX_ROWS
from samenspel.workspace.spreadsheet import MAX_UPLOAD_BYTES as MAX_UPLOAD_BYTES
from samenspel.workspace.spreadsheet import ImportFileError as ImportFileError
from samenspel.workspace.spreadsheet import Table as Table
from samenspel.workspace.spreadsheet import read_table as read_table
