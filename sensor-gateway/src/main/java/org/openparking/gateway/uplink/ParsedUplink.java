package org.openparking.gateway.uplink;

/** What an uplink turned out to be: a well-formed reading or a rejection with its reason. */
public sealed interface ParsedUplink permits Reading, Rejection {
}
