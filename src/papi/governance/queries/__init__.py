"""The queries, one module each, as functions of a model's
:class:`~papi.governance._context.Context`: :mod:`.who`, :mod:`.escalation`,
:mod:`.deadlines` (next deadlines and the agenda), :mod:`.duties`, :mod:`.progress` (status
and overdue) and :mod:`.gaps`."""
