package org.openparking.adminui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openparking.adminui.AdminUiApplication;
import org.openparking.adminui.security.AppUsers;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.support.ApiCalls;
import org.openparking.adminui.support.PrivateMosquitto;
import org.openparking.systemtest.AppProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import tools.jackson.databind.JsonNode;

/**
 * The whole path in a real headless Chromium: the api and the sensor gateway run from their jars against the local
 * PostgreSQL and Redis (the test's schema and database) and a private mosquitto; the admin UI runs here. A reading
 * published over MQTT must recolour its spot's tile within 2 s. Needs /usr/bin/chromium (apt-get install chromium)
 * and fails without it, as it fails when a service cannot start.
 */
@SpringBootTest(classes = AdminUiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.port=" + AdminUiBrowserTest.UI_PORT,
				"parking.admin-ui.api.graphql-url=http://127.0.0.1:" + AdminUiBrowserTest.API_PORT + "/graphql",
				"parking.admin-ui.api.websocket-url=ws://127.0.0.1:" + AdminUiBrowserTest.API_PORT + "/graphql",
				"parking.admin-ui.bootstrap.admin-password=admin-browser-test" })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiBrowserTest {

	static final int UI_PORT = 18120;

	static final int API_PORT = 18121;

	static final int GATEWAY_PORT = 18122;

	static final int MQTT_PORT = 18125;

	private static final String SCHEMA = System.getenv().getOrDefault("PARKING_TEST_SCHEMA", "parking_test");

	private static final String REDIS_DATABASE = System.getenv().getOrDefault("PARKING_TEST_REDIS_DATABASE", "0");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String PASSWORD = "browser-test-pw";

	private final String olga = "olga-" + UUID.randomUUID().toString().substring(0, 8);

	private final String mallory = "mallory-" + UUID.randomUUID().toString().substring(0, 8);

	private final String device = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private AppUsers users;

	private PrivateMosquitto mosquitto;

	private AppProcess api;

	private AppProcess gateway;

	private Playwright playwright;

	private Browser browser;

	private Page page;

	private String lotId;

	private String otherLotId;

	@BeforeAll
	void startSystem() throws Exception {
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException(chromium + " is missing: apt-get install -y chromium");
		}
		mosquitto = PrivateMosquitto.start(MQTT_PORT);
		List<String> common = List.of(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
				"--spring.flyway.schemas=" + SCHEMA, "--spring.data.redis.database=" + REDIS_DATABASE);
		api = service("api", API_PORT, common);
		gateway = service("sensor-gateway", GATEWAY_PORT, concat(common,
				"--parking.gateway.mqtt.url=" + mosquitto.url(), "--parking.gateway.debounce=0s",
				"--parking.gateway.mqtt.client-id=admin-ui-browser-test", "--parking.gateway.uplink.tts-topic="));

		users.create(olga, PASSWORD, Role.OPERATOR);
		users.create(mallory, PASSWORD, Role.OPERATOR);
		ApiCalls calls = new ApiCalls("http://127.0.0.1:" + API_PORT + "/graphql");
		String olgaToken = ApiCalls.token(olga, "OPERATOR");
		JsonNode lot = calls.createLot(olgaToken, "Browser test " + olga, 6);
		lotId = lot.get("id").asString();
		String spotId = spotId(lot, "A-2");
		calls.call(olgaToken, """
				mutation($input: RegisterSensorInput!) {
				  registerSensor(input: $input) { sensor { deviceId } userErrors { message } }
				}""", Map.of("input", Map.of("deviceId", device, "spotId", spotId, "model", "default")));
		otherLotId = calls.createLot(ApiCalls.token(mallory, "OPERATOR"), "Other " + mallory, 2).get("id").asString();

		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
		page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
		page.setDefaultTimeout(30_000);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	void stopSystem() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
		for (AutoCloseable service : new AutoCloseable[] { gateway, api, mosquitto }) {
			try {
				if (service != null) {
					service.close();
				}
			}
			catch (Exception ignored) {
				// best effort: the next service still gets stopped
			}
		}
	}

	@Test
	@Order(1)
	void aSensorReadingRecoloursItsTileLive() throws Exception {
		logIn(olga);
		page.navigate(base());
		page.waitForSelector("#lots-grid");
		assertThat(page.locator("#lots-grid").textContent()).contains("Browser test " + olga);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("overview.png")).setFullPage(true));

		page.navigate(base() + "/lots/" + lotId + "/board");
		page.waitForSelector("#spot-A-2");
		String before = page.getAttribute("#spot-A-2", "data-state");
		assertThat(before).isNotEqualTo("UNEXPECTED_OCCUPANCY");
		assertThat(page.locator(".spot-tile").count()).isEqualTo(6);
		// Give the board's subscriptions time to be registered on the api before the reading.
		page.waitForTimeout(1500);

		publish(true);
		Instant published = Instant.now();
		page.waitForSelector("#spot-A-2[data-state='UNEXPECTED_OCCUPANCY']",
				new Page.WaitForSelectorOptions().setTimeout(2000));
		Duration took = Duration.between(published, Instant.now());
		System.out.println("Reading published -> tile recoloured in the browser: " + took.toMillis() + " ms");
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		assertThat(page.getAttribute("#spot-A-2", "class")).contains("spot-unexpected-occupancy");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lot-board.png")).setFullPage(true));
		page.setViewportSize(820, 1180); // a tablet in portrait: the drawer folds away, tiles wrap
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lot-board-tablet.png")));
		page.setViewportSize(1280, 900);
	}

	@Test
	@Order(2)
	void theAlertsInboxShowsTheAlert() throws Exception {
		page.navigate(base() + "/alerts?lot=" + lotId);
		page.waitForSelector("#alerts-inbox");
		// The unexpected occupancy the reading caused is listed (grid cells are light DOM).
		page.waitForSelector("#alerts-grid vaadin-grid-cell-content:has-text('UNEXPECTED_OCCUPANCY')",
				new Page.WaitForSelectorOptions().setTimeout(10_000));
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alerts-inbox.png"))
			.setFullPage(true));
		assertThat(page.locator("#alerts-grid vaadin-grid-cell-content:has-text('A-2')").count()).isPositive();
	}

	@Test
	@Order(3)
	void anOperatorCannotOpenAnotherOperatorsLot() {
		page.navigate(base() + "/lots/" + otherLotId + "/board");
		page.waitForSelector("#lot-forbidden", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
		assertThat(page.locator(".spot-tile").count()).isZero();
	}

	@Test
	@Order(4)
	void anOperatorCannotOpenTheAdministratorsViews() {
		page.navigate(base() + "/operators");
		page.waitForLoadState();
		assertThat(page.locator("#operators").count()).isZero();
	}

	@Test
	@Order(5)
	void withoutTheApiAViewSaysSoInsteadOfBreaking() {
		api.close();
		page.navigate(base());
		page.waitForSelector("#api-unavailable");
		assertThat(page.locator("#api-unavailable").textContent()).contains("cannot be reached");
	}

	private void logIn(String username) {
		page.navigate(base() + "/login");
		page.locator("#vaadinLoginUsername input").fill(username);
		page.locator("#vaadinLoginPassword input").fill(PASSWORD);
		page.locator("#vaadinLoginPassword input").press("Enter");
		page.waitForURL(url -> !url.contains("/login"));
	}

	private void publish(boolean occupied) throws Exception {
		MqttClient client = new MqttClient(mosquitto.url(), "ui-test-publisher-" + UUID.randomUUID(),
				new MemoryPersistence());
		client.connect(new MqttConnectionOptions());
		String body = "{\"type\":\"status\",\"occupied\":" + occupied + ",\"seq\":1,\"ts\":\"" + Instant.now()
				+ "\",\"battery\":3.6,\"rssi\":-70}";
		MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish("parking/v1/sensors/" + device + "/up", message);
		client.disconnect();
		client.close();
	}

	private static String base() {
		return "http://127.0.0.1:" + UI_PORT;
	}

	private static String spotId(JsonNode lot, String code) {
		for (JsonNode level : lot.get("levels")) {
			for (JsonNode spot : level.get("spots")) {
				if (spot.get("code").asString().equals(code)) {
					return spot.get("id").asString();
				}
			}
		}
		throw new IllegalStateException("no spot " + code);
	}

	/** A built service as its own process (log under target/browser-test), ready or the test fails. */
	private static AppProcess service(String module, int port, List<String> arguments) {
		AppProcess service = AppProcess.start(module, AppProcess.jar(module), port,
				Path.of("target", "browser-test").toAbsolutePath(), List.of("-Xmx512m"), arguments);
		service.awaitHealthy("/actuator/health/readiness", Duration.ofMinutes(4));
		return service;
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new java.util.ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}
}
