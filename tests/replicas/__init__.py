"""Replicas of the seed sites: whole sites as bytes, built for any origin, served on 127.0.0.1."""
