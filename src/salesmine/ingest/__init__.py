"""Reading user files: CRM exports, catalogs, people lists, transcripts (no other package does).

Tables are recognised by content (CSV/TSV in UTF-8, UTF-8-BOM, UTF-16 or cp1251; XLSX; HTML
tables saved as .xls; JSON / JSON Lines; Parquet). Bad input raises ``errors.InputError`` with one
line that names the file and says what to do; rows that cannot be used are listed, never dropped
silently.
"""

from salesmine.ingest.catalog import load_catalog
from salesmine.ingest.people import load_people
from salesmine.ingest.tables import FileInfo, NotesLoad, expand_paths, load_notes, read_table

__all__ = [
    "FileInfo",
    "NotesLoad",
    "expand_paths",
    "load_catalog",
    "load_notes",
    "load_people",
    "load_transcripts",
    "read_table",
]

from salesmine.ingest.transcripts import load_transcripts  # noqa: E402  (after the table readers)
