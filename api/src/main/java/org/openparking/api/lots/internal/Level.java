package org.openparking.api.lots.internal;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "lot_level")
class Level extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	private UUID lotId;

	private String code;

	private String name;

	private int ordinal;

	protected Level() {
	}

	Level(UUID id, UUID lotId, String code, String name, int ordinal) {
		this.id = id;
		this.lotId = lotId;
		this.code = code;
		this.name = name;
		this.ordinal = ordinal;
	}

	@Override
	public UUID getId() {
		return id;
	}

	LevelView toView() {
		return new LevelView(id, lotId, code, name, ordinal);
	}
}
