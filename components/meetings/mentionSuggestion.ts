// The @mention menu of the meeting notes: while someone types "@pri", a list of the project's
// members whose names match, chosen with the arrow keys and Enter (or a click). Plain DOM, placed
// under the caret, announced as a listbox; Tiptap's suggestion utility drives it.
import type { MentionNodeAttrs } from '@tiptap/extension-mention';
import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import type { MemberOption } from './model';

type MentionSuggestion = Omit<SuggestionOptions<MemberOption, MentionNodeAttrs>, 'editor'>;

export function memberMentions(members: () => MemberOption[]): MentionSuggestion {
  return {
    items: ({ query }) => {
      const q = query.trim().toLowerCase();
      return members()
        .filter((m) => m.name.toLowerCase().includes(q))
        .slice(0, 6);
    },
    render: () => {
      let menu: HTMLUListElement | null = null;
      let props: SuggestionProps<MemberOption, MentionNodeAttrs> | null = null;
      let selected = 0;

      const draw = () => {
        if (!menu || !props) return;
        menu.replaceChildren();
        if (!props.items.length) {
          const none = document.createElement('li');
          none.textContent = 'No member matches';
          none.className = 'px-3 py-1.5 text-sm text-muted';
          menu.append(none);
        }
        props.items.forEach((member, index) => {
          const option = document.createElement('li');
          option.id = `mention-option-${member.userId}`;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', String(index === selected));
          option.textContent = member.name;
          option.className = `cursor-pointer px-3 py-1.5 text-sm ${index === selected ? 'bg-accent-soft text-accent-ink' : 'text-ink'}`;
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            choose(index);
          });
          menu!.append(option);
        });
        const rect = props.clientRect?.();
        if (rect) {
          menu.style.left = `${Math.min(rect.left, window.innerWidth - 220) + window.scrollX}px`;
          menu.style.top = `${rect.bottom + window.scrollY + 4}px`;
        }
        props.editor.view.dom.setAttribute('aria-activedescendant', props.items[selected] ? `mention-option-${props.items[selected]!.userId}` : '');
      };
      const choose = (index: number) => {
        const member = props?.items[index];
        if (member) props!.command({ id: member.userId, label: member.name });
      };

      return {
        onStart(next) {
          props = next;
          selected = 0;
          menu = document.createElement('ul');
          menu.setAttribute('role', 'listbox');
          menu.setAttribute('aria-label', 'Mention a member');
          menu.className = 'absolute z-50 w-52 overflow-hidden rounded-md border border-line bg-surface py-1 shadow-lg';
          document.body.append(menu);
          draw();
        },
        onUpdate(next) {
          props = next;
          selected = Math.min(selected, Math.max(0, next.items.length - 1));
          draw();
        },
        onKeyDown({ event }) {
          if (!props?.items.length) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            const step = event.key === 'ArrowDown' ? 1 : -1;
            selected = (selected + step + props.items.length) % props.items.length;
            draw();
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            choose(selected);
            return true;
          }
          return false;
        },
        onExit() {
          props?.editor.view.dom.removeAttribute('aria-activedescendant');
          menu?.remove();
          menu = null;
          props = null;
        },
      };
    },
  };
}
