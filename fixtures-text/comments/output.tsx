// comments inside and around handlers survive byte for byte
import { api } from "./api";
import { handler } from "commontools";

export function Form({ form, user }) {
  return (
    <form
      /* before */ onSubmit={/* a */ handler((e, { form, user } /* the event */) => {
        // keep this comment
        e.preventDefault(); /* trailing */
        api.save(form.values, user.id); // and this
      })({ form: { values: form.values }, user: { id: user.id } }) /* after */}
      onReset={handler((event, { form } /* nothing */ ) => form.reset())({ form })}
    />
  );
}
