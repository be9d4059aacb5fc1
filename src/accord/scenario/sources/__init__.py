"""One module per agency file: its columns, how an event becomes a row, and its malformed rows."""
