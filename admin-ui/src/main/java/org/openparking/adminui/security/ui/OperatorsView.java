package org.openparking.adminui.security.ui;

import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.security.AppUser;
import org.openparking.adminui.security.AppUsers;
import org.openparking.adminui.security.CurrentUser;
import org.openparking.adminui.security.InvalidUserException;
import org.openparking.adminui.security.Role;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Administrators create operators, reset their passwords and disable them. */
@Route("operators")
@PageTitle("Operators · Parking admin")
@Menu(order = 9, title = "Operators", icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class OperatorsView extends VerticalLayout {

	private final AppUsers users;

	private final CurrentUser currentUser;

	private final Grid<AppUser> grid = new Grid<>();

	public OperatorsView(AppUsers users, CurrentUser currentUser) {
		this.users = users;
		this.currentUser = currentUser;
		setId("operators");
		TextField username = new TextField("Username");
		username.setId("new-username");
		PasswordField password = new PasswordField("Initial password");
		password.setId("new-password");
		Select<Role> role = new Select<>();
		role.setLabel("Role");
		role.setItems(Role.values());
		role.setValue(Role.OPERATOR);
		Button create = new Button("Create", click -> change(() -> users.create(username.getValue(),
				password.getValue(), role.getValue()), "Created " + username.getValue()));
		create.addThemeVariants(ButtonVariant.PRIMARY);
		create.setId("create-user");
		grid.addColumn(AppUser::username).setHeader("Username").setAutoWidth(true);
		grid.addColumn(user -> user.role().name()).setHeader("Role").setAutoWidth(true);
		grid.addColumn(user -> user.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
		grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(1);
		add(new H2("Operators"), new FormLayout(username, password, role, create), grid);
		refresh();
	}

	private HorizontalLayout actions(AppUser user) {
		Button reset = new Button("Reset password", click -> resetDialog(user).open());
		reset.addThemeVariants(ButtonVariant.SMALL);
		boolean self = user.username().equals(currentUser.get().username());
		Button toggle = new Button(user.enabled() ? "Disable" : "Enable",
				click -> change(() -> users.setEnabled(user.username(), !user.enabled()),
						(user.enabled() ? "Disabled " : "Enabled ") + user.username()));
		toggle.addThemeVariants(ButtonVariant.SMALL, user.enabled() ? ButtonVariant.ERROR : ButtonVariant.SUCCESS);
		toggle.setEnabled(!self);
		return new HorizontalLayout(reset, toggle);
	}

	private Dialog resetDialog(AppUser user) {
		Dialog dialog = new Dialog("New password for " + user.username());
		PasswordField password = new PasswordField("New password");
		dialog.add(password);
		dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), new Button("Save", click -> {
			change(() -> users.resetPassword(user.username(), password.getValue()),
					"Password of " + user.username() + " reset");
			dialog.close();
		}));
		return dialog;
	}

	private void change(Runnable action, String success) {
		try {
			action.run();
			Notifications.success(success);
			refresh();
		}
		catch (InvalidUserException invalid) {
			Notifications.failure(invalid.getMessage());
		}
	}

	private void refresh() {
		grid.setItems(users.findAll());
	}
}
