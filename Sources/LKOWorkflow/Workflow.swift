// The workflow core (cases, state machine, routing, delegation) lives here; see issue 4.
