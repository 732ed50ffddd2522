// Events whose dates overlap a range (both ends included), in date order.
// @param date_from date_start  first day; a year or month means its first day: 2014, 2015-03, 2024-07-12
// @param date_to date_end  last day; a year or month means its last day
MATCH (e:Event)
WHERE e.date_end >= $date_from AND e.date_start <= $date_to
RETURN e.date AS date, e.name AS event, e.event_type AS type, e.id AS id
ORDER BY e.date_start, e.name, e.id
