/**
 * Which referrals are taken in (directions, statuses, excluded substatuses): the filter rule and its decision with a
 * skip reason.
 */
package io.hunterreferrals.core.filter;
