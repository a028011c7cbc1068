-- Places a hold: the lot's claims are loaded, the user is under the limit, and the spot (a named one, or the
-- best-fitting free candidate) has no live claim overlapping [from, to). All in one step, so racing holds cannot
-- both win.
-- KEYS[1] ready marker  KEYS[2] the user's holds in the lot  KEYS[3] hold expiries  KEYS[4] the new hold
-- KEYS[5..] claims of the candidate spots, best code first
-- ARGV[1] now  ARGV[2] hold id  ARGV[3] user  ARGV[4] from  ARGV[5] to  ARGV[6] expires at  ARGV[7] active-hold limit
-- ARGV[8] 'spot' (a named spot) or 'class'  ARGV[9..] spot ids in the order of KEYS[5..]
-- Returns {'OK', spotId} or {reason}: NOT_READY, HOLD_LIMIT_REACHED, SPOT_TAKEN, NO_SPOT_AVAILABLE.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { 'NOT_READY' }
end
local now, from, to = tonumber(ARGV[1]), tonumber(ARGV[4]), tonumber(ARGV[5])

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[7]) then
	return { 'HOLD_LIMIT_REACHED' }
end

-- Best fit: the free spot whose neighbouring claims leave the smallest gaps around the window, so long free
-- stretches stay whole for long stays; a missing neighbour counts as a FAR gap; ties go to the earlier code.
local best, best_fit = nil, nil
for i = 5, #KEYS do
	local next_claim = first_live_ending_after(KEYS[i], from, now, nil, true)
	if next_claim == nil or next_claim[3] >= to then
		if #KEYS == 5 then
			best = i
			break
		end
		local previous = last_live_ending_by(KEYS[i], from, now)
		local fit = (next_claim and (next_claim[3] - to) or FAR) + (previous and (from - previous[4]) or FAR)
		if best_fit == nil or fit < best_fit then
			best, best_fit = i, fit
		end
	end
end
if best == nil then
	return { ARGV[8] == 'spot' and 'SPOT_TAKEN' or 'NO_SPOT_AVAILABLE' }
end

local claims, spot = KEYS[best], ARGV[best + 4]
redis.call('ZREMRANGEBYSCORE', claims, '-inf', ARGV[1])
redis.call('ZADD', claims, ARGV[5], claim_member('H', ARGV[2], ARGV[4], ARGV[5], ARGV[6], ARGV[3]))
redis.call('HSET', KEYS[4], 'spot', spot, 'user', ARGV[3], 'from', ARGV[4], 'to', ARGV[5], 'exp', ARGV[6])
redis.call('PEXPIREAT', KEYS[4], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[2])
expire_not_before(KEYS[2], ARGV[6])
redis.call('ZADD', KEYS[3], ARGV[6], expiry_member(ARGV[2], spot, ARGV[4], ARGV[5], ARGV[3]))
return { 'OK', spot }
