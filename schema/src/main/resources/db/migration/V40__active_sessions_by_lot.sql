-- Rebuilding a lot's Redis claims reads its active sessions; without this the ever-growing session history is
-- scanned whole. Partial, so it stays as small as the number of cars parked right now.
create index parking_session_active_by_lot on parking_session (lot_id) where ended_at is null;
