"""Streamlit pages and the thin client they use."""
