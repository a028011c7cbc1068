package org.openparking.api.live.internal;

/** A live message for a channel that needs nothing read first, waiting on a relay lane to be published. */
record Publication(String channel, LiveMessage message) {
}
