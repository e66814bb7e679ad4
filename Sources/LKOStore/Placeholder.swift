// Module LKOStore.
