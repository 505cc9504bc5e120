"""One module per ``papi`` command (private), each with ``DESCRIPTION``, ``EXAMPLES``,
``add_arguments(parser)`` and ``run(context)``; :data:`papi.cli._parser.COMMANDS` lists them."""
