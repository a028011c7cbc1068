package org.openparking.adminui.parking;

/** The api refused or failed; the message is fit to show the user. */
public class ApiException extends RuntimeException {

	public ApiException(String message) {
		super(message);
	}

	public ApiException(String message, Throwable cause) {
		super(message, cause);
	}
}
