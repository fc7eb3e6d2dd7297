"""Replies to greetings, thanks and "what can you do?", which are not story questions."""

from __future__ import annotations

import re

from bot import replies
from bot.matching.text import chat_words

# who a greeting or thanks is said to: "thanks mate", "hi all", "cheers guys"
_TO = r"( there| all| everyone| bot| storybot| mate| man| bro| guys| buddy| pal| yaar)?"
# the greetings said alone and before a question alike
_HELLO = r"hi+|hello+|hey+|hiya|salam|salaam|as+alam[ -]?o[ -]?alaikum|greetings|namaste"
_GREETING = re.compile(rf"^({_HELLO}|yo|aoa|adaab|good (morning|afternoon|evening)){_TO}$")
# a greeting a question opens with in the same sentence: "good afternoon folks who signed it"
# asks who signed it (one ended by a full stop is a sentence of its own, and read as one)
_OPENING = re.compile(
    rf"^(?:{_HELLO}|howdy|good\s+(?:morning|afternoon|evening|day))(?:\s+(?:there|all|everyone|"
    r"everybody|folks|guys|friends|people|team|mates?|bot|storybot))?\b[\s,:;-]*(?=\w)",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^(thanks?( you)?( so much| a lot)?|thx|ty|thank u|cheers|ta|much appreciated|"
    rf"shukriya|shukria|jazak ?allah){_TO}$"
)
# "ok", "got it": an acknowledgement, not thanks; "you're welcome" would answer nothing said
_ACK = re.compile(
    r"^(great|cool|nice|ok(ay)?|k|got it|awesome|perfect|alright|acha|theek)( bot| storybot)?$"
)
_HELP = re.compile(
    r"^(help|start|commands|what can you do|what do you (do|know)|who are you|what are you|"
    r"how does this work|how do i use (you|this)|what can i ask( you)?|menu|about)$"
)
_BYE = re.compile(r"^(bye|goodbye|see you|see ya|khuda hafiz|allah hafiz|cya)$")
# "are u a real person or a bot lol": about the bot, which no story answers
_BEING = r"(a |an )?(real |actual )?(bot|robot|human|person|ai|machine|chatbot|chatgpt)"
_WHAT_YOU_ARE = re.compile(
    rf"^((are|r) (you|u|ya)|is this|am i (talking|chatting|speaking) (to|with)) {_BEING}"
    rf"( or {_BEING})?( (lol|lmao|haha|tho|though|honestly|really|bro|mate|yaar))*$"
)


def smalltalk_reply(text: str, title: str) -> str | None:
    """Return a friendly reply when `text` is chit-chat rather than a question, else None."""
    plain = chat_words(text)
    if _GREETING.match(plain):
        return replies.greeting(title)
    if _THANKS.match(plain):
        return replies.WELCOME
    if _ACK.match(plain):
        return replies.ANYTHING_ELSE
    if _HELP.match(plain):
        return replies.help_text(title)
    if _WHAT_YOU_ARE.match(plain):
        return replies.what_i_am(title)
    if _BYE.match(plain):
        return replies.GOODBYE
    return None


def without_greeting(text: str) -> str:
    """Return `text` without a greeting it opens a question with: "morning all who signed it?"."""
    return _OPENING.sub("", text, count=1)
