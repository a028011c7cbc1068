package org.openparking.adminui.security;

/** A user could not be created or changed; the message is meant for the administrator. */
public class InvalidUserException extends RuntimeException {

	public InvalidUserException(String message) {
		super(message);
	}
}
