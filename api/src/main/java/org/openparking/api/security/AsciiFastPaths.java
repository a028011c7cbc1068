package org.openparking.api.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's per-request checks with a loop over plain ASCII before their regular expressions: the firewall
 * runs a Unicode-class regex over every header each time it is read, and the bearer token resolver another over the
 * token; together about 6% of a holdSpot's CPU (bin/bench-holds). What the loop accepts the expressions accept too;
 * everything else still goes to them, so the verdicts and error messages are Spring Security's.
 */
final class AsciiFastPaths {

	/** {@link StrictHttpFirewall}'s rule for header values: assigned characters, no controls but tab. */
	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	/** {@link StrictHttpFirewall}'s rule for header names: assigned characters, no controls. */
	private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private AsciiFastPaths() {
	}

	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(AsciiFastPaths::headerNameAllowed);
		firewall.setAllowedHeaderValues(AsciiFastPaths::headerValueAllowed);
		return firewall;
	}

	static boolean headerNameAllowed(String name) {
		return printableAscii(name, false) || HEADER_NAME.matcher(name).matches();
	}

	static boolean headerValueAllowed(String value) {
		return printableAscii(value, true) || HEADER_VALUE.matcher(value).matches();
	}

	private static boolean printableAscii(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 || c >= 0x7f) && !(tabAllowed && c == '\t')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@link DefaultBearerTokenResolver} for {@code Authorization: Bearer <token68>}; anything else (no header, another
	 * scheme, a malformed token) goes to it.
	 */
	static BearerTokenResolver bearerTokens() {
		DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
		return request -> {
			String token = wellFormedBearerToken(request);
			return token != null ? token : standard.resolve(request);
		};
	}

	/** The token of a header {@code DefaultBearerTokenResolver} would accept as is, else null. */
	static String wellFormedBearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		int end = header.length();
		while (end > 7 && header.charAt(end - 1) == '=') {
			end--;
		}
		if (end == 7) {
			return null;
		}
		for (int i = 7; i < end; i++) {
			char c = header.charAt(i);
			boolean tokenChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!tokenChar) {
				return null;
			}
		}
		return header.substring(7);
	}
}
