package org.openparking.gateway.state;

/** What a reading did to its device's state. */
public enum Verdict {
	/** Newer than anything before: applied. */
	APPLIED,
	/** Seen before: nothing changes, but its original observations are emitted again (they collapse downstream). */
	DUPLICATE,
	/** Older than the last applied reading: ignored. */
	OUT_OF_ORDER,
	/** The device's state in Redis could not take it (a data error); the reading is dead-lettered. */
	FAILED
}
