-- The exclusion constraint keeps bookings of a spot apart; this keeps bookings and walk-in sessions apart.
-- A session without a latest allowed end claims its spot open-ended while it is active.
-- Both tables lock the spot's advisory lock first, so a concurrent booking and session cannot both pass the check.
-- A collision raises exclusion_violation (23P01), exactly as two overlapping bookings do.

create function spot_claims_do_not_collide() returns trigger
    language plpgsql as
$$
begin
    perform pg_advisory_xact_lock(hashtextextended(new.spot_id::text, 0));
    if tg_table_name = 'booking' then
        if new.status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN') and exists (
            select 1 from parking_session s
            where s.spot_id = new.spot_id and s.ended_at is null
              and tstzrange(s.started_at, coalesce(s.latest_allowed_end, 'infinity')) && new.during) then
            raise exception 'spot % is in a walk-in session during this booking', new.spot_id
                using errcode = 'exclusion_violation', constraint = 'booking_session_collision';
        end if;
    elsif new.ended_at is null and exists (
            select 1 from booking b
            where b.spot_id = new.spot_id
              and b.status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')
              and b.during && tstzrange(new.started_at, coalesce(new.latest_allowed_end, 'infinity'))) then
        raise exception 'spot % is booked during this session', new.spot_id
            using errcode = 'exclusion_violation', constraint = 'booking_session_collision';
    end if;
    return new;
end
$$;

create trigger booking_never_collides_with_session
    before insert or update of spot_id, during, status on booking
    for each row execute function spot_claims_do_not_collide();

create trigger session_never_collides_with_booking
    before insert or update of spot_id, latest_allowed_end, ended_at on parking_session
    for each row execute function spot_claims_do_not_collide();
