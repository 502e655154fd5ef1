from persona6.cli import run

run()
