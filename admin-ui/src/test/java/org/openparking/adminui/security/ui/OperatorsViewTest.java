package org.openparking.adminui.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.adminui.security.AppUser;
import org.openparking.adminui.security.AppUsers;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.security.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/** The administrator's operator management, browserless, on the real user table (local PostgreSQL). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parking.admin-ui.bootstrap.admin-password=admin-test-password")
@ActiveProfiles("test")
class OperatorsViewTest {

	@Autowired
	private AppUsers users;

	@BeforeEach
	void setUp() {
		MockVaadin.setup();
		UI.getCurrent().add(new OperatorsView(users, TestUsers.loggedIn("admin", Role.ADMIN)));
	}

	@AfterEach
	void tearDown() {
		MockVaadin.tearDown();
		TestUsers.logout();
	}

	@Test
	void createsAnOperator() {
		String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
		_setValue(_get(TextField.class, spec -> spec.withId("new-username")), name);
		_setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "initial-password");
		_click(_get(Button.class, spec -> spec.withId("create-user")));
		expectNotifications("Created " + name);
		assertThat(users.find(name)).map(AppUser::role).contains(Role.OPERATOR);
	}

	@Test
	void aShortPasswordIsRefusedWithTheReason() {
		_setValue(_get(TextField.class, spec -> spec.withId("new-username")), "someone-new");
		_setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "short");
		_click(_get(Button.class, spec -> spec.withId("create-user")));
		expectNotifications("A password has at least 8 characters");
		assertThat(users.exists("someone-new")).isFalse();
	}
}
