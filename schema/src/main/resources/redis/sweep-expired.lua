-- Removes due holds of a lot and returns those this call removed. Only one caller can remove an entry from the
-- expiries ZSET, so with several API nodes sweeping at once each expiry is reported exactly once.
-- KEYS[1] hold expiries, then per hold: KEYS[2j] claims of its spot, KEYS[2j+1] its user's holds (j = 1..n)
-- ARGV[1] now, ARGV[1+j] the hold's expiry entry (as read from the expiries ZSET)
-- Returns {entry, expiresAt, ...} for each hold swept by this call.
local now = tonumber(ARGV[1])
local swept = {}
for j = 1, #ARGV - 1 do
	local entry = ARGV[1 + j]
	local expires_at = redis.call('ZSCORE', KEYS[1], entry)
	if expires_at and tonumber(expires_at) <= now and redis.call('ZREM', KEYS[1], entry) == 1 then
		local hold_id, spot, from, to, user = string.match(entry, '^([^|]*)|([^|]*)|(%d+)|(%d+)|(.*)$')
		local expires_ms = ms(tonumber(expires_at))
		redis.call('ZREM', KEYS[2 * j], claim_member('H', hold_id, from, to, expires_ms, user))
		redis.call('ZREM', KEYS[2 * j + 1], hold_id)
		swept[#swept + 1] = entry
		swept[#swept + 1] = expires_ms
	end
end
return swept
