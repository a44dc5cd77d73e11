/**
 * The customer's company domain: parsing against the Public Suffix List, the extraction order over a referral's
 * contacts, and why a candidate was rejected.
 */
package io.hunterreferrals.core.domainname;
