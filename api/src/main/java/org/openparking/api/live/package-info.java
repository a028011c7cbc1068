/**
 * Live GraphQL subscriptions. Domain events are published to Redis pub/sub, so a client connected to any API node
 * receives events caused on every other node.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates")
package org.openparking.api.live;
