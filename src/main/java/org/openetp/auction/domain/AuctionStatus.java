package org.openetp.auction.domain;

/** Where an auction stands: before its start, bidding, or over with its result fixed. */
public enum AuctionStatus { SCHEDULED, RUNNING, ENDED }
