package org.openparking.gateway.mqtt;

/** Whether this instance is connected and subscribed, i.e. receiving uplinks. */
public interface BrokerConnection {

	boolean isSubscribed();

	String brokerUrl();
}
