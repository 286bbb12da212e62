"""The advice and the answers in words and tables: text, Markdown, JSON, a printable HTML record."""
