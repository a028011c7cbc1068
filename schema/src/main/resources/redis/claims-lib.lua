-- Shared by every claims script: ClaimScripts prepends this file to each script when it loads it, so the
-- encodings and the search for the next live claim exist once. Keys are never built here: they come in KEYS.
--
-- A claim is a member of its spot's ZSET, scored by its end (epoch ms):  kind|id|from|to|expiresAt|user
--   kind: H (hold), B (booking), S (session); expiresAt: 0 for bookings and sessions; user last, as it may hold '|'.
-- An entry of the lot's hold-expiries ZSET, scored by the hold's expiry:  holdId|spotId|from|to|user
-- Times arrive in ARGV as decimal strings and are written back as the same strings (never via tostring, which
-- would turn large numbers into exponent notation).

local FAR = 1e15 -- longer than any real gap, in ms

local function claim_member(kind, id, from, to, expires_at, user)
	return kind .. '|' .. id .. '|' .. from .. '|' .. to .. '|' .. expires_at .. '|' .. user
end

local function expiry_member(hold_id, spot, from, to, user)
	return hold_id .. '|' .. spot .. '|' .. from .. '|' .. to .. '|' .. user
end

-- kind, id, from, to, expiresAt (numbers), user
local function parse_claim(member)
	local kind, id, from, to, expires_at, user =
		string.match(member, '^(%u)|([^|]*)|(%d+)|(%d+)|(%d+)|(.*)$')
	return kind, id, tonumber(from), tonumber(to), tonumber(expires_at), user
end

local function is_live(expires_at, now)
	return expires_at == 0 or expires_at > now
end

local function ms(number)
	return string.format('%d', number)
end

-- The live claim of a spot with the earliest end after t, as {member, kind, from, to}, or nil. Expired holds
-- met on the way are skipped, and removed when `cleanup` is set. Every script keeps the live claims of a spot
-- disjoint (and PostgreSQL keeps the rebuilt ones disjoint), so the earliest end is also the earliest start:
-- the claim found either overlaps [t, ...) or is the next one after t.
local function first_live_ending_after(key, t, now, ignore, cleanup)
	local offset = 0
	repeat
		local page = redis.call('ZRANGEBYSCORE', key, '(' .. ms(t), '+inf', 'LIMIT', offset, 16)
		local expired = {}
		for _, member in ipairs(page) do
			if member ~= ignore then
				local kind, _, from, to, expires_at = parse_claim(member)
				if is_live(expires_at, now) then
					if cleanup and #expired > 0 then
						redis.call('ZREM', key, unpack(expired))
					end
					return { member, kind, from, to }
				end
				expired[#expired + 1] = member
			end
		end
		if cleanup and #expired > 0 then
			redis.call('ZREM', key, unpack(expired))
			offset = offset - #expired
		end
		offset = offset + 16
	until #page < 16
	return nil
end

-- A spot's commercial state now from `current`, its live claim with the earliest end after now
-- (first_live_ending_after): that claim's kind once it has begun, otherwise F (free).
local function state_now(current, now)
	return (current and current[3] <= now) and current[2] or 'F'
end

-- The live claim of a spot with the latest end at or before t, as {member, kind, from, to}, or nil.
local function last_live_ending_by(key, t, now)
	local offset = 0
	repeat
		local page = redis.call('ZREVRANGEBYSCORE', key, ms(t), '-inf', 'LIMIT', offset, 16)
		for _, member in ipairs(page) do
			local kind, _, from, to, expires_at = parse_claim(member)
			if is_live(expires_at, now) then
				return { member, kind, from, to }
			end
		end
		offset = offset + 16
	until #page < 16
	return nil
end

-- Sets the key's expiry to `at` unless it already lives longer.
local function expire_not_before(key, at)
	if redis.call('PEXPIRETIME', key) < tonumber(at) then
		redis.call('PEXPIREAT', key, at)
	end
end

-- Removes the user's live hold from every structure; returns its {spot, user, from, to, expiresAt} strings, or nil
-- when it is gone, expired or not theirs. An expired hold is left to the sweeper, which reports it.
local function take_hold(hold_key, claims_key, user_holds_key, expiries_key, hold_id, user, spot, now)
	local hold = redis.call('HMGET', hold_key, 'spot', 'user', 'from', 'to', 'exp')
	if hold[1] ~= spot or hold[2] ~= user or tonumber(hold[5]) <= now then
		return nil
	end
	redis.call('ZREM', claims_key, claim_member('H', hold_id, hold[3], hold[4], hold[5], user))
	redis.call('ZREM', user_holds_key, hold_id)
	redis.call('ZREM', expiries_key, expiry_member(hold_id, spot, hold[3], hold[4], user))
	redis.call('DEL', hold_key)
	return hold
end

-- Script body follows.
