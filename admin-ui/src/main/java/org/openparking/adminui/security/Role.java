package org.openparking.adminui.security;

/** The admin UI's roles; the same names as the api's, so a user's token carries exactly this role. */
public enum Role {
	OPERATOR, ADMIN
}
