-- Forgets a promotion or loss once its observation is in PostgreSQL (sensor gateway).
-- KEYS[1] device state hash ({dev:<id>})   ARGV[1] field (out_occ | out_lost)   ARGV[2] the value that was handed off
-- Compares before deleting, so a newer transition recorded meanwhile is kept. Returns 1 when settled.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
