"""Telegram front end on python-telegram-bot 22: updates in, `Query`; `Answer` out, HTML."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import (
    BotCommand,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
    User,
)
from telegram.constants import MessageLimit, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from adapters.telegram_render import (
    CALLBACK_PREFIX,
    NO_PREVIEW,
    WRONG_PREFIX,
    Reply,
    render,
    split,
    topics_html,
    without_wrong,
)
from adapters.telegram_settings import TelegramSettings
from adapters.telegram_updater import limit_body, polling_task, until_stop_or_end
from bot.models import Answer, AnswerKind, ChatKind, Query
from bot.serving.service import APOLOGY, StoryBot

log = logging.getLogger(__name__)

COMMANDS = (
    ("ask", "Ask a question about the story"),
    ("faq", "The topics I can answer"),
    ("about", "Which story I know"),
    ("help", "How to ask"),
)


_KINDS = {"private": ChatKind.PRIVATE, "channel": ChatKind.CHANNEL}


def to_query(message: Message, text: str, user: User | None = None) -> Query:
    """Build a core `Query` from a Telegram message and the question text in it.

    `user` is who asked when it is not the message's author (a pressed button).
    """
    # an anonymous admin (or a channel) posts as a chat; Telegram shows every anonymous admin
    # everywhere as one bot user, so that user's id would pool all groups' admins. A button
    # press comes from a real user, though: never provably this chat's
    anonymous = user is None and message.sender_chat is not None
    if anonymous:
        asker = f"chat{message.sender_chat.id}"  # type: ignore[union-attr]
    else:
        user = user or message.from_user
        asker = str(user.id) if user else "unknown"
    return Query(
        text=text,
        platform="telegram",
        chat_id=str(message.chat.id),
        user_id=asker,
        chat_kind=_KINDS.get(message.chat.type, ChatKind.GROUP),
        anonymous=anonymous,
    )


def _from_a_bot(message: Message) -> bool:
    """Return whether another bot wrote `message` (an anonymous admin is a person)."""
    author = message.from_user
    return bool(author and author.is_bot and message.sender_chat is None)


def addressed_text(message: Message, bot_id: int, bot_username: str) -> str | None:
    """Return the question if the message is meant for the bot, else None."""
    text = message.text or message.caption
    if not text or _from_a_bot(message):
        return None
    if message.chat.type == "private":
        return text
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return text
    if re.search(rf"@{re.escape(bot_username)}\b", text, re.IGNORECASE):
        return text  # the core strips the mention
    return None


class TelegramBot:
    """The handlers: each translates, asks the service, and sends what `render` made."""

    def __init__(self, bot: StoryBot) -> None:
        """Serve answers from `bot`."""
        self.bot = bot

    def install(self, application: Application) -> None:  # type: ignore[type-arg]
        """Register every handler on `application`."""
        only_new = filters.UpdateType.MESSAGE  # edits are not answered a second time
        application.add_handler(CommandHandler(["start", "help"], self.on_help, filters=only_new))
        application.add_handler(CommandHandler("ask", self.on_ask, filters=only_new))
        application.add_handler(CommandHandler("faq", self.on_faq, filters=only_new))
        application.add_handler(CommandHandler("about", self.on_about, filters=only_new))
        application.add_handler(
            MessageHandler(
                only_new & (filters.TEXT | filters.CAPTION) & ~filters.COMMAND, self.on_text
            )
        )
        application.add_handler(CallbackQueryHandler(self.on_button, pattern=f"^{CALLBACK_PREFIX}"))
        application.add_handler(CallbackQueryHandler(self.on_wrong, pattern=f"^{WRONG_PREFIX}"))
        application.add_handler(InlineQueryHandler(self.on_inline))
        application.add_error_handler(self.on_error)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a message that is meant for the bot."""
        message = update.message
        if message is None:
            return
        text = addressed_text(message, context.bot.id, context.bot.username)
        if text is not None:
            await self._reply(message, await self.bot.ask(to_query(message, text)))

    async def on_ask(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer `/ask question` (and `/ask@botname question`)."""
        message = update.message
        if message is None or _from_a_bot(message):
            return
        question = " ".join(context.args or [])
        await self._reply(message, await self.bot.ask(to_query(message, question)))

    async def on_help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain what the bot knows and how to ask."""
        message = update.message
        if message:
            answer = self.bot.help(to_query(message, ""))
            if answer.kind is AnswerKind.SMALLTALK:
                how = "Ask in a private chat, mention me in a group, reply to me, or use /ask."
                answer = answer.model_copy(update={"text": f"{answer.text}\n\n{how}"})
            await self._reply(message, answer)

    async def on_faq(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the topics and questions the bot can answer."""
        message = update.message
        if message:
            catalogue = self.bot.catalogue(to_query(message, ""))
            if catalogue.refusal is not None:
                await self._reply(message, catalogue.refusal)
                return
            for chunk in split(topics_html(catalogue.topics), MessageLimit.MAX_TEXT_LENGTH):
                await self._send(message, Reply(chunk))

    async def on_about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say which story the bot knows."""
        if update.message:
            await self._reply(update.message, self.bot.about(to_query(update.message, "")))

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a pressed suggestion button."""
        query = update.callback_query
        if query is None:
            return
        await query.answer()  # stops the spinner on the button
        entry_id = (query.data or "").removeprefix(CALLBACK_PREFIX)
        if isinstance(query.message, Message):
            asker = to_query(query.message, "", user=query.from_user)
            answer = await self.bot.ask(asker, entry_id=entry_id)
            await self._reply(query.message, answer, quote=False)

    async def on_wrong(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a "not what I asked" press; once settled, drop the button; toast the presser."""
        query = update.callback_query
        if query is None or not isinstance(message := query.message, Message):
            return
        presser = to_query(message, "", user=query.from_user)
        ref = (query.data or "").removeprefix(WRONG_PREFIX)
        feedback = await asyncio.to_thread(self.bot.feedback, presser, ref)
        if feedback.settled and message.reply_markup:
            try:  # the edit is a courtesy: too old or deleted, the toast still tells the presser
                await message.edit_reply_markup(without_wrong(message.reply_markup))
            except TelegramError as error:
                log.debug("mark button left on message %s: %s", message.message_id, error)
        await query.answer(feedback.reply.text or None)  # a toast for the presser alone

    async def on_inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Offer the best matching answers for `@botname words` typed in any chat."""
        inline = update.inline_query
        if inline is None:
            return
        user = inline.from_user
        asker = Query(
            text=inline.query, platform="telegram", chat_id=str(user.id), user_id=str(user.id)
        )
        results = []
        for answer in self.bot.previews(asker, 10):
            results.append(
                InlineQueryResultArticle(
                    id=answer.entry_id or "",
                    title=answer.question or answer.text[:64],
                    description=answer.text[:120],
                    input_message_content=InputTextMessageContent(
                        render(answer)[0].html,
                        parse_mode=ParseMode.HTML,
                        link_preview_options=NO_PREVIEW,
                    ),
                )
            )
        await inline.answer(results, cache_time=60)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed handler with its traceback and apologise to the asker."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("telegram handler failed on update %s", update_id, exc_info=context.error)
        if isinstance(update, Update) and update.effective_message:
            try:
                await update.effective_message.reply_text(APOLOGY)
            except Exception:  # the apology is best effort: the network may be what failed
                log.warning("could not send the apology for update %s", update_id)

    async def _reply(self, message: Message, answer: Answer, quote: bool = True) -> None:
        if answer.kind is AnswerKind.SILENT:
            return
        for reply in render(answer):
            await self._send(message, reply, quote)

    async def _send(self, message: Message, reply: Reply, quote: bool = True) -> None:
        await message.reply_html(
            reply.html,
            reply_markup=reply.keyboard,
            link_preview_options=NO_PREVIEW,
            do_quote=quote,
        )


def build_application(bot: StoryBot, settings: TelegramSettings) -> Application:  # type: ignore[type-arg]
    """Build the python-telegram-bot `Application` for `settings`, with every handler."""
    if settings.token is None:
        raise ValueError("STORYBOT_TELEGRAM_TOKEN is not set")
    # httpx logs every request URL at INFO, and the URL carries the token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    application = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .base_url(settings.api_url)
        .rate_limiter(AIORateLimiter(max_retries=settings.max_retries))
        .concurrent_updates(True)
        .post_init(_register_commands)
        .build()
    )
    TelegramBot(bot).install(application)
    return application


async def _register_commands(application: Application) -> None:  # type: ignore[type-arg]
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])


async def serve(bot: StoryBot, settings: TelegramSettings, stop: asyncio.Event) -> None:
    """Run the Telegram bot (polling, or a webhook if configured) until `stop` is set.

    Polling that ends on its own (the token revoked meanwhile) ends this too, with its error.
    """
    secret = settings.webhook_secret
    if settings.webhook_url and secret is None:  # anyone could post forged updates
        raise ValueError("webhook mode needs STORYBOT_TELEGRAM_WEBHOOK_SECRET")
    application = build_application(bot, settings)
    polling = None
    async with application:
        await application.post_init(application)  # type: ignore[misc]
        if settings.webhook_url and secret is not None:
            await application.updater.start_webhook(  # type: ignore[union-attr]
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path="telegram",
                webhook_url=settings.webhook_url,
                secret_token=secret.get_secret_value(),
                drop_pending_updates=False,
            )
            limit_body(application.updater)
        else:
            await application.updater.start_polling(  # type: ignore[union-attr]
                poll_interval=0.0, timeout=settings.poll_timeout
            )
            polling = polling_task(application.updater)
        await application.start()
        log.info("telegram: started as @%s", application.bot.username)
        await until_stop_or_end(stop, polling)
        try:  # stopping the updater raises what ended polling, if it ended on its own
            await application.updater.stop()  # type: ignore[union-attr]
        finally:
            await application.stop()
    if not stop.is_set():  # polling ended with no error: restarting is all that can help
        raise RuntimeError("telegram polling stopped on its own")
