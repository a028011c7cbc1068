-- Turns a live hold into the claim of a booking for the same window, in one step, so the spot is never free
-- in between.
-- KEYS[1] the hold  KEYS[2] claims of its spot  KEYS[3] the user's holds  KEYS[4] hold expiries
-- ARGV[1] now  ARGV[2] hold id  ARGV[3] user  ARGV[4] spot id  ARGV[5] booking id
-- Returns {'OK', from, to, expiresAt} of the hold, or {'GONE'} when it is gone, expired or not the user's.
local hold = take_hold(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[1]))
if not hold then
	return { 'GONE' }
end
redis.call('ZADD', KEYS[2], hold[4], claim_member('B', ARGV[5], hold[3], hold[4], '0', ARGV[3]))
return { 'OK', hold[3], hold[4], hold[5] }
