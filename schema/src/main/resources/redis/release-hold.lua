-- Releases a live hold on behalf of its owner.
-- KEYS[1] the hold  KEYS[2] claims of its spot  KEYS[3] the user's holds  KEYS[4] hold expiries
-- ARGV[1] now  ARGV[2] hold id  ARGV[3] user  ARGV[4] spot id
-- Returns 1 when released, 0 when the hold is gone, expired or not the user's.
if take_hold(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[1])) then
	return 1
end
return 0
