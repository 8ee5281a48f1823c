// comments inside and around handlers survive byte for byte
import { api } from "./api";

export function Form({ form, user }) {
  return (
    <form
      /* before */ onSubmit={/* a */ (e /* the event */) => {
        // keep this comment
        e.preventDefault(); /* trailing */
        api.save(form.values, user.id); // and this
      } /* after */}
      onReset={( /* nothing */ ) => form.reset()}
    />
  );
}
