echo "unterminated \
'x\