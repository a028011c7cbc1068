/**
 * Authentication and authorisation: JWT resource server (HS256 locally), roles, and who the caller is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.openparking.api.security;
