package org.openparking.api.lots.internal;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * Ids are assigned in Java, so Spring Data cannot tell a new row by a null id; without this a save would first
 * select the row it is about to insert, and inserts could not be batched.
 */
@MappedSuperclass
abstract class AssignedIdEntity<I> implements Persistable<I> {

	@Transient
	private boolean isNew = true;

	@Override
	public boolean isNew() {
		return isNew;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		isNew = false;
	}
}
