import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints a local HS256 token for the API: java bin/MintToken.java SUBJECT ROLE...
 * Uses PARKING_SECURITY_JWT_SECRET and PARKING_SECURITY_JWT_ISSUER when set, else the local defaults.
 * Runs on any JDK 17+ with no dependencies, so it works before anything is built.
 */
public class MintToken {

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: java bin/MintToken.java SUBJECT DRIVER|OPERATOR|ADMIN [ROLE...]");
			System.exit(2);
		}
		System.out.println(mint(args[0], Arrays.copyOfRange(args, 1, args.length)));
	}

	/** Also used by the benchmarks (bin/Bench*.java), which the source launcher compiles together with this file. */
	static String mint(String subject, String... roleNames) throws Exception {
		String secret = env("PARKING_SECURITY_JWT_SECRET", "local-development-secret-change-me-0123456789abcdef");
		String issuer = env("PARKING_SECURITY_JWT_ISSUER", "parking-local");
		long now = Instant.now().getEpochSecond();
		String roles = Arrays.stream(roleNames).map(r -> "\"" + r.toUpperCase() + "\"")
			.collect(Collectors.joining(","));
		String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String claims = b64("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":"
				+ (now + Duration.ofHours(12).toSeconds()) + ",\"roles\":[" + roles + "]}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
		return header + "." + claims + "." + signature;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
