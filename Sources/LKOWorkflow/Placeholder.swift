// Module LKOWorkflow.
