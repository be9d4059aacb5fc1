"""The command line: thin commands over the App, one module per verb group."""
