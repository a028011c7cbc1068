package org.openparking.api.lots.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotView;

@Entity
class Spot extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	private UUID lotId;

	private UUID levelId;

	private String code;

	private String zone;

	@Enumerated(EnumType.STRING)
	private SpotClass spotClass;

	private String evConnector;

	private Integer maxHeightCm;

	@Enumerated(EnumType.STRING)
	@Column(name = "admin_state")
	private AdministrativeState state;

	@Column(name = "admin_state_reason")
	private String stateReason;

	@Column(name = "admin_state_since")
	private Instant stateSince;

	@Version
	private long version;

	protected Spot() {
	}

	Spot(UUID id, UUID lotId, UUID levelId, SpotInput input, Instant now) {
		this.id = id;
		this.lotId = lotId;
		this.levelId = levelId;
		this.code = input.code();
		this.zone = input.zone();
		this.spotClass = input.spotClass();
		this.evConnector = input.evConnector();
		this.maxHeightCm = input.maxHeightCm();
		this.state = AdministrativeState.OPEN;
		this.stateSince = now;
	}

	@Override
	public UUID getId() {
		return id;
	}

	UUID lotId() {
		return lotId;
	}

	/** A reason is kept only while the spot is not open; re-stating the same state keeps its start. */
	void changeState(AdministrativeState newState, String reason, Instant now) {
		if (newState != state) {
			stateSince = now;
		}
		state = newState;
		stateReason = newState == AdministrativeState.OPEN ? null : reason;
	}

	SpotView toView() {
		return new SpotView(id, lotId, levelId, code, zone, spotClass, evConnector, maxHeightCm, state, stateReason);
	}
}
