"""yaml"""
