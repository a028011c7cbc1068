-- Claims a spot that is free now for a walk-in session, from now until the next claim starts (or open-ended):
-- the named spot, or among the candidates the one with the longest free horizon (ties: the earlier code).
-- KEYS[1] ready marker  KEYS[2..] claims of the candidate spots, best code first
-- ARGV[1] now  ARGV[2] session id  ARGV[3] user  ARGV[4] open end (ms)  ARGV[5..] spot ids in the order of KEYS[2..]
-- Returns {'OK', spotId, latestAllowedEnd or ''}, {'NONE'} or {'NOT_READY'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now = tonumber(ARGV[1])
local best, best_horizon, best_end = nil, nil, nil
for i = 2, #KEYS do
	local next_claim = first_live_ending_after(KEYS[i], now, now, nil, true)
	if next_claim == nil or next_claim[3] > now then
		local horizon = next_claim and (next_claim[3] - now) or FAR
		if best_horizon == nil or horizon > best_horizon then
			best, best_horizon, best_end = i, horizon, next_claim and ms(next_claim[3]) or nil
		end
	end
end
if best == nil then
	return { 'NONE' }
end
local claim_end = best_end or ARGV[4]
redis.call('ZREMRANGEBYSCORE', KEYS[best], '-inf', ARGV[1])
redis.call('ZADD', KEYS[best], claim_end, claim_member('S', ARGV[2], ARGV[1], claim_end, '0', ARGV[3]))
return { 'OK', ARGV[best + 3], best_end or '' }
