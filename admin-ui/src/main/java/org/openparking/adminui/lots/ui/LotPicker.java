package org.openparking.adminui.lots.ui;

import java.util.List;
import java.util.Optional;

import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ParkingApi;

import com.vaadin.flow.component.combobox.ComboBox;

/** Chooses one of the user's lots; views that work on one lot at a time start with it. */
public class LotPicker extends ComboBox<LotSummary> {

	public LotPicker(ParkingApi api) {
		super("Lot");
		setId("lot-picker");
		setItemLabelGenerator(lot -> lot.name() + " · " + lot.city());
		List<LotSummary> lots = api.lots();
		setItems(lots);
		setPlaceholder(lots.isEmpty() ? "You have no lots yet" : "Choose a lot");
		setWidth("20rem");
	}

	/** Selects the lot with this id (from a query parameter), or the only lot there is. */
	public void select(String lotId) {
		List<LotSummary> lots = getListDataView().getItems().toList();
		Optional<LotSummary> chosen = lots.stream().filter(lot -> lot.id().equals(lotId)).findFirst();
		if (chosen.isEmpty() && lots.size() == 1) {
			chosen = Optional.of(lots.getFirst());
		}
		chosen.ifPresent(this::setValue);
	}
}
